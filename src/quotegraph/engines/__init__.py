"""Engines beyond one machine: Dask extraction (``dask``) and a Parquet dataset sink (``parquet``)."""

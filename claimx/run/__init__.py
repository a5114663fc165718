"""Running the pipeline: loading it, cutting long texts into pieces, the windows where a claim
can be, and batches over many documents (in worker processes or on a Dask cluster)."""

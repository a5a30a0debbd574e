"""Outputs built from the catalog: Excel workbooks and printed (PDF) register books."""

"""Benchmarks for docctl: a synthetic-corpus generator and a runner timing commands against floors."""

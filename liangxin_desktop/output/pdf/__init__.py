"""Printed register books (PDF, A4) with embedded Chinese fonts."""

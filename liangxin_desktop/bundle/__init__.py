"""The hand-over bundle (移交包): making, verifying, opening read-only and summarizing many."""

"""
What is known about papers, independent of any service: URLs to identifiers, titles as
readers compare them, venues, where a paper was published, dates as lists write them.
"""

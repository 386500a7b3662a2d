"""staf"""

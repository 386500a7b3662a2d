"""aturan"""

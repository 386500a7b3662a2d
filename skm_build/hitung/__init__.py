"""hitung"""

"""alat"""

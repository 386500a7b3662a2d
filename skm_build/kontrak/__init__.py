"""kontrak"""

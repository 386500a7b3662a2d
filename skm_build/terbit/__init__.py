"""terbit"""

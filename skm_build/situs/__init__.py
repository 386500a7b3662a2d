"""situs"""

"""Accounts: logging in and out, signing up, and activating an account with a start code."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

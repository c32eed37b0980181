"""Layout pieces as pure factory functions: data in, component trees out."""

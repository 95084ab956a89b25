"""The Korean chat page (Gradio), mounted on the API app by ``qa serve``."""

"""The ground floor: the data model, the exception root, geometry and file digests.

Every stage (``extract``, ``normalize``, ``outputs``) and the orchestration on top (pipeline, batch, CLI)
import from here; nothing here imports anything else of the project.
"""

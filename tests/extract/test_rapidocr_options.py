"""Options the OCR engine sets on onnxruntime, robust to onnxruntime versions (it is not pinned)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

onnxruntime = pytest.importorskip("onnxruntime")


class Fail(Exception):
    """As onnxruntime's pybind errors (onnxruntime.capi.onnxruntime_pybind11_state.Fail): an Exception only."""


def test_a_shared_arena_onnxruntime_refuses_is_declined_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    # shared_arena caught RuntimeError and a few builtins only: onnxruntime's Fail / InvalidArgument derive from
    # Exception, so such a refusal escaped the engine's build instead of leaving the sessions their own arena
    from policy_extract.extract import rapidocr_engine

    def refuse(*_args: object) -> None:
        raise Fail("[ONNXRuntimeError] : 1 : FAIL : allocator already registered")

    monkeypatch.setattr(onnxruntime, "create_and_register_allocator", refuse)
    # the function itself, not its per-process cache (which may hold this process's real registration)
    assert rapidocr_engine.shared_arena.__wrapped__() is False


def test_an_onnxruntime_without_priority_order_keeps_its_default_order() -> None:
    # the option hook read onnxruntime.ExecutionOrder.PRIORITY_BASED unguarded: an AttributeError in the build
    from policy_extract.extract.rapidocr_engine import priority_order

    assert priority_order(onnxruntime) == onnxruntime.ExecutionOrder.PRIORITY_BASED
    assert priority_order(SimpleNamespace()) is None
    assert priority_order(SimpleNamespace(ExecutionOrder=SimpleNamespace(DEFAULT=0))) is None

"""What routes ask FastAPI for: the services' context and the person acting.

Routes take `ContextDep` (and later `ActorDep`) as parameters instead of digging in
`request.app.state`, so a clinic face can swap in who acts on whose record in one place.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from sicoach.services.context import Actor, Context


def get_context(request: Request) -> Context:
    """The services' context of this request: in clinic mode the one the sign-in gate made
    (who acts, on whose journal); else the one the app was built with."""
    ctx = getattr(request.state, "context", None) or request.app.state.context
    assert isinstance(ctx, Context)
    return ctx


ContextDep = Annotated[Context, Depends(get_context)]


def current_actor(ctx: ContextDep) -> Actor:
    """Who acts, on whose journal (personal mode: the one person, on their own record)."""
    return ctx.actor


ActorDep = Annotated[Actor, Depends(current_actor)]

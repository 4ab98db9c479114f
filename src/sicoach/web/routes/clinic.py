"""Clinic mode's pages for clinicians (their patients, invitations, importing a journal) and
admins (accounts, links, the whole audit log). Pages only translate; the services decide."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import UploadFile

from sicoach.services import accounts, audit
from sicoach.services.errors import InputError, NotFound
from sicoach.web.clinic import who_of
from sicoach.web.forms import Form
from sicoach.web.routes.phone import qr_svg
from sicoach.web.security import verify_csrf
from sicoach.web.templating import context_of, render

router = APIRouter(dependencies=[Depends(verify_csrf)], include_in_schema=False)


def _signed_in(request: Request) -> None:
    if who_of(request) is None:
        raise HTTPException(status_code=404)


def _public_base(request: Request) -> str:
    configured = context_of(request).settings.public_url
    return configured or str(request.base_url).rstrip("/")


def _patients_page(
    request: Request, errors: dict[str, str] | None = None, status: int = 200, invited: Any = None
) -> Response:
    _signed_in(request)
    from sicoach.web.routes.worklist import worklist_values

    values: dict[str, Any] = {
        **worklist_values(request),
        "errors": errors or {},
        "invited": _invitation_view(request, invited),
    }
    return render(request, "patients.html", values, status_code=status)


def _invitation_view(request: Request, invited: Any) -> dict[str, Any] | None:
    """The one-time link just made, with its QR code, for the patients and admin pages."""
    if invited is None:
        return None
    link = f"{_public_base(request)}/join/{invited.token}"
    return {
        "account": invited.account,
        "link": link,
        "qr": qr_svg.__wrapped__(link),
        "expires": invited.expires_at,
    }


@router.get("/patients")
def patients_page(request: Request) -> Response:
    return _patients_page(request)


@router.post("/patients/invite")
async def invite(request: Request) -> Response:
    _signed_in(request)
    form = Form(await request.form())
    try:
        invited = accounts.invite_patient(
            context_of(request), form.text("email"), form.text("name")
        )
    except InputError as wrong:
        return _patients_page(request, {wrong.field: wrong.message}, 400)
    return _patients_page(request, invited=invited)


@router.post("/patients/import")
async def import_patient(request: Request) -> Response:
    _signed_in(request)
    form = await request.form()
    upload = form.get("file")
    email = str(form.get("import_email") or "")
    if not isinstance(upload, UploadFile):
        return _patients_page(request, {"file": "choose a journal file (.json) to import"}, 400)
    raw = await upload.read(accounts.MAX_IMPORT_BYTES + 1)
    try:
        invited = accounts.import_patient(
            context_of(request), email, str(form.get("name") or ""), raw
        )
    except InputError as wrong:
        field = "import_email" if wrong.field == "email" else "file"
        return _patients_page(request, {field: wrong.message}, 400)
    return _patients_page(request, invited=invited)


def _admin_page(
    request: Request, errors: dict[str, str] | None = None, status: int = 200, invited: Any = None
) -> Response:
    _signed_in(request)
    ctx = context_of(request)
    everyone = accounts.list_accounts(ctx)
    by_id = {a.id: a for a in everyone}
    links = [(by_id[c], by_id[p]) for c, p in accounts.links(ctx) if c in by_id and p in by_id]
    values: dict[str, Any] = {
        "accounts": everyone,
        "links": links,
        "errors": errors or {},
        "invited": _invitation_view(request, invited),
    }
    return render(request, "admin.html", values, status_code=status)


@router.get("/admin")
def admin_page(request: Request) -> Response:
    return _admin_page(request)


@router.post("/admin/accounts")
async def admin_add(request: Request) -> Response:
    _signed_in(request)
    form = Form(await request.form())
    ctx = context_of(request)
    try:
        account = accounts.add_account(
            ctx, form.text("email"), form.text("role"), form.text("name")
        )
        invited = accounts.reset_invitation(ctx, account.id)
    except InputError as wrong:
        return _admin_page(request, {wrong.field: wrong.message}, 400)
    return _admin_page(request, invited=invited)


def _account_id(raw: str) -> int:
    if not raw.isdigit() or len(raw) > 9:
        raise HTTPException(status_code=404)
    return int(raw)


@router.post("/admin/accounts/{account_id}/disable")
async def admin_disable(request: Request, account_id: str) -> Response:
    _signed_in(request)
    form = Form(await request.form())
    try:
        accounts.set_disabled(
            context_of(request), _account_id(account_id), form.text("off") != "no"
        )
    except NotFound:
        raise HTTPException(status_code=404) from None
    return RedirectResponse("/admin", status_code=303)


@router.post("/admin/accounts/{account_id}/reset")
def admin_reset(request: Request, account_id: str) -> Response:
    _signed_in(request)
    try:
        invited = accounts.reset_invitation(context_of(request), _account_id(account_id))
    except NotFound:
        raise HTTPException(status_code=404) from None
    return _admin_page(request, invited=invited)


@router.post("/admin/links")
async def admin_link(request: Request) -> Response:
    _signed_in(request)
    form = Form(await request.form())
    ctx = context_of(request)
    try:
        clinician = accounts.find_account(ctx, form.text("clinician"))
        patient = accounts.find_account(ctx, form.text("patient"))
        if form.text("remove") == "yes":
            accounts.unlink(ctx, clinician.id, patient.id)
        else:
            accounts.link(ctx, clinician.id, patient.id)
    except NotFound:
        return _admin_page(request, {"link": "there is no account with that email"}, 400)
    except InputError as wrong:
        return _admin_page(request, {"link": wrong.message}, 400)
    return RedirectResponse("/admin", status_code=303)


@router.get("/admin/audit")
def admin_audit(request: Request) -> Response:
    _signed_in(request)
    events = audit.all_events(context_of(request))
    return render(
        request, "audit.html", {"events": events, "words": audit.ACTION_WORDS, "everyone": True}
    )

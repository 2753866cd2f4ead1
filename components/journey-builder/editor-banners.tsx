"use client";

/** Why the editor is read-only, or what went wrong with saving, above the canvas. */
export function EditorBanners({
  conflict,
  unreadable,
  canEdit,
}: {
  /** Someone else saved after this editor opened: autosave stopped. */
  conflict: boolean;
  /** Nodes or connections of the draft the editor cannot show. */
  unreadable: number;
  canEdit: boolean;
}) {
  return (
    <>
      {conflict ? (
        <div
          role="alert"
          className="flex items-center gap-3 border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-900"
        >
          <p>
            Someone else saved this journey after you opened it, so your latest changes were not
            saved (nothing was overwritten). Reload to get their version, then make your change
            again.
          </p>
          <button
            type="button"
            onClick={() => window.location.reload()}
            className="rounded-md bg-red-700 px-3 py-1 font-medium text-white hover:bg-red-800"
          >
            Reload
          </button>
        </div>
      ) : null}
      {unreadable > 0 ? (
        <p
          role="alert"
          className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900"
        >
          This draft has {unreadable} node(s) or connection(s) the editor cannot show, so it is
          read-only here. Fix the draft through the journeys API.
        </p>
      ) : null}
      {!canEdit ? (
        <p className="border-b border-slate-200 bg-slate-50 px-4 py-1.5 text-xs text-slate-600">
          You have view access: the journey is read-only.
        </p>
      ) : null}
    </>
  );
}

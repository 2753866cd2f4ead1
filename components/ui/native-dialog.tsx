"use client";

import { useEffect, useId, useRef } from "react";

/**
 * The native <dialog> behind ModalDialog and SideSheet: `open` drives
 * showModal/close, and the browser traps focus, closes on Escape and returns
 * focus to the opener.
 */
export function useNativeDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return { ref, titleId };
}

export function DialogCloseButton({ onClose }: { onClose: () => void }) {
  return (
    <button
      type="button"
      onClick={onClose}
      aria-label="Close"
      className="rounded-md px-2 py-1 text-slate-500 hover:bg-slate-100"
    >
      ✕
    </button>
  );
}

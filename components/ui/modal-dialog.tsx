"use client";

import type { ReactNode } from "react";
import { DialogCloseButton, useNativeDialog } from "@/components/ui/native-dialog";

/**
 * A modal on the native <dialog>: the browser traps focus, closes on Escape,
 * and returns focus to the opener. `open` drives it; `onClose` hears every way
 * it closes (Escape, the close button, the caller).
 */
export function ModalDialog({
  open,
  onClose,
  title,
  description,
  children,
  className = "max-w-lg",
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const { ref, titleId } = useNativeDialog(open);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className={`m-auto w-full rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40 ${className}`}
    >
      {open ? (
        <div className="p-5">
          <div className="mb-4 flex items-start justify-between gap-4">
            <div>
              <h2 id={titleId} className="text-lg font-semibold">
                {title}
              </h2>
              {description ? (
                <div className="mt-1 text-sm text-slate-600">{description}</div>
              ) : null}
            </div>
            <DialogCloseButton onClose={onClose} />
          </div>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}

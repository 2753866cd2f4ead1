"use client";

import type { ReactNode } from "react";
import { DialogCloseButton, useNativeDialog } from "@/components/ui/native-dialog";

/** A panel that slides over the right edge (native <dialog>: focus trap, Escape closes). */
export function SideSheet({
  open,
  onClose,
  title,
  children,
  width = "max-w-xl",
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  width?: string;
}) {
  const { ref, titleId } = useNativeDialog(open);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className={`ml-auto mr-0 h-full max-h-none w-full ${width} bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/30`}
    >
      {open ? (
        <div className="flex h-full flex-col">
          <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
            <h2 id={titleId} className="text-lg font-semibold">
              {title}
            </h2>
            <DialogCloseButton onClose={onClose} />
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto p-5">{children}</div>
        </div>
      ) : null}
    </dialog>
  );
}

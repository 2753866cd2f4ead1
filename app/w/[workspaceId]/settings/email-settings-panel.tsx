"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { EmailSettingsView } from "@/lib/channels/email/email-settings-schema";
import { ApiClientError, fetchJson } from "@/lib/query/fetch-json";

/** Settings → Email: sender, reply-to and the Resend API key (write-only). */
export function EmailSettingsPanel({
  workspaceId,
  canEdit,
}: {
  workspaceId: string;
  canEdit: boolean;
}) {
  const url = `/api/w/${workspaceId}/settings/email`;
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: [url], queryFn: () => fetchJson<EmailSettingsView>(url) });
  const save = useMutation({
    mutationFn: (body: Record<string, string | null>) =>
      fetchJson<EmailSettingsView>(url, { method: "PUT", body: JSON.stringify(body) }),
    onSuccess: (data) => queryClient.setQueryData([url], data),
  });
  const settings = query.data;
  const errors = save.error instanceof ApiClientError ? save.error.fieldErrors : {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body: Record<string, string | null> = {
      emailFrom: String(form.get("emailFrom") ?? ""),
      replyTo: String(form.get("replyTo") ?? ""),
      ratePerSecond: String(form.get("ratePerSecond") ?? ""),
    };
    const key = String(form.get("resendApiKey") ?? "").trim();
    if (key) body.resendApiKey = key;
    save.mutate(body, {
      onSuccess: () => {
        const input = event.currentTarget?.elements.namedItem("resendApiKey");
        if (input instanceof HTMLInputElement) input.value = "";
      },
    });
  }

  return (
    <section
      aria-labelledby="email-heading"
      className="rounded-lg border border-slate-200 bg-white p-6"
    >
      <h2 id="email-heading" className="text-lg font-semibold">
        Email sending
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Email goes out through Resend. Without an API key, every email lands in the Outbox (Messages
        page), marked as not sent.
      </p>
      {settings ? (
        <form
          noValidate
          key={JSON.stringify(settings)}
          onSubmit={onSubmit}
          className="mt-4 max-w-xl space-y-4"
        >
          <Field
            id="email-from"
            name="emailFrom"
            label="From"
            placeholder={settings.defaultFrom}
            defaultValue={settings.emailFrom ?? ""}
            disabled={!canEdit}
            error={errors.emailFrom}
          />
          <Field
            id="email-reply-to"
            name="replyTo"
            label="Reply-to"
            type="email"
            placeholder="support@example.com"
            defaultValue={settings.replyTo ?? ""}
            disabled={!canEdit}
            error={errors.replyTo}
          />
          <div className="space-y-1">
            <Field
              id="email-rate"
              name="ratePerSecond"
              label="Send rate (requests per second)"
              type="number"
              inputMode="decimal"
              step="0.1"
              min="0.1"
              defaultValue={String(settings.ratePerSecond)}
              disabled={!canEdit}
              error={errors.ratePerSecond}
            />
            <p className="text-xs text-slate-500">
              Shared by every worker. Resend allows 2 per second unless your team asked for more.
            </p>
          </div>
          <div className="space-y-1">
            <Field
              id="email-resend-key"
              name="resendApiKey"
              label="Resend API key"
              type="password"
              autoComplete="off"
              placeholder={settings.resendApiKey.hint ?? "re_…"}
              disabled={!canEdit}
              error={errors.resendApiKey}
            />
            <p className="text-xs text-slate-500" data-testid="resend-key-status">
              {settings.resendApiKey.source === "workspace"
                ? `This workspace's key (${settings.resendApiKey.hint}) is set. Type a new one to replace it.`
                : settings.resendApiKey.source === "environment"
                  ? `Using RESEND_API_KEY from the server (${settings.resendApiKey.hint}).`
                  : "No key: emails go to the Outbox."}
            </p>
          </div>
          {canEdit ? (
            <div className="flex items-center gap-3">
              <Button type="submit" disabled={save.isPending}>
                {save.isPending ? "Saving…" : "Save email settings"}
              </Button>
              {settings.resendApiKey.source === "workspace" ? (
                <Button
                  variant="secondary"
                  onClick={() => save.mutate({ resendApiKey: null })}
                  disabled={save.isPending}
                >
                  Remove key
                </Button>
              ) : null}
              {save.isSuccess ? (
                <span role="status" className="text-sm text-green-700">
                  Saved.
                </span>
              ) : null}
              {save.error && Object.keys(errors).length === 0 ? (
                <span role="alert" className="text-sm text-red-600">
                  {save.error.message}
                </span>
              ) : null}
            </div>
          ) : (
            <p className="text-sm text-slate-500">Only admins can change email settings.</p>
          )}
        </form>
      ) : (
        <p className="mt-4 text-sm text-slate-500">
          {query.error ? query.error.message : "Loading…"}
        </p>
      )}
    </section>
  );
}

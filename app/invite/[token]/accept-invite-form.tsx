"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ApiClientError, fetchJson } from "@/lib/query/fetch-json";

export function AcceptInviteForm({
  token,
  signedInAs,
}: {
  token: string;
  signedInAs: string | null;
}) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = Object.fromEntries(new FormData(event.currentTarget));
    setPending(true);
    try {
      const { workspaceId } = await fetchJson<{ workspaceId: string }>(
        `/api/invites/${token}/accept`,
        { method: "POST", body: JSON.stringify(input) },
      );
      if (!signedInAs) {
        await signIn("credentials", {
          redirect: false,
          email: String(input.email),
          password: String(input.password),
        });
      }
      router.push(`/w/${workspaceId}`);
      router.refresh();
    } catch (error) {
      setErrors({
        ...(error instanceof ApiClientError ? error.fieldErrors : {}),
        form: error instanceof Error ? error.message : "Could not join.",
      });
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {signedInAs ? (
        <p className="text-sm">
          Signed in as <strong>{signedInAs}</strong>.
        </p>
      ) : (
        <>
          <Field id="name" name="name" label="Your name" error={errors.name} />
          <Field id="email" name="email" type="email" label="Email" error={errors.email} />
          <Field
            id="password"
            name="password"
            type="password"
            label="Password (8+ characters)"
            error={errors.password}
          />
        </>
      )}
      {errors.form ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {errors.form}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Joining…" : "Join workspace"}
      </Button>
    </form>
  );
}

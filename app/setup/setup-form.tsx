"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { rememberNewSecretKey } from "@/components/shell/new-secret-key-notice";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ApiClientError, fetchJson } from "@/lib/query/fetch-json";
import { setupSchema } from "@/lib/workspaces/setup-schema";

export function SetupForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = setupSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const { workspaceId, secretKey } = await fetchJson<{
        workspaceId: string;
        secretKey: string;
      }>("/api/setup", { method: "POST", body: JSON.stringify(parsed.data) });
      // The first page of the workspace shows it once (Cue keeps only its hash).
      rememberNewSecretKey(workspaceId, secretKey);
      await signIn("credentials", {
        redirect: false,
        email: parsed.data.email,
        password: parsed.data.password,
      });
      router.push("/");
      router.refresh();
    } catch (error) {
      const fieldErrors = error instanceof ApiClientError ? error.fieldErrors : {};
      setErrors({
        ...fieldErrors,
        form: error instanceof Error ? error.message : "Setup failed.",
      });
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field id="name" name="name" label="Your name" autoComplete="name" error={errors.name} />
      <Field
        id="email"
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        error={errors.email}
      />
      <Field
        id="password"
        name="password"
        type="password"
        label="Password (8+ characters)"
        autoComplete="new-password"
        error={errors.password}
      />
      <Field
        id="workspaceName"
        name="workspaceName"
        label="Workspace name"
        defaultValue="My company"
        error={errors.workspaceName}
      />
      {errors.form ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {errors.form}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating…" : "Create account and workspace"}
      </Button>
    </form>
  );
}

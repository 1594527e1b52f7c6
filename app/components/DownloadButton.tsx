import { useState } from "react";
import { Button } from "@shopify/polaris";

/**
 * A download through fetch, which App Bridge signs with the session token: a plain link opened in
 * a new tab carries no token, so the admin would answer it with its login page.
 */
export function DownloadButton({ url, filename, children }: { url: string; filename: string; children: string }) {
  const [state, setState] = useState<"idle" | "loading" | "failed">("idle");
  const download = async () => {
    setState("loading");
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const link = document.createElement("a");
      link.href = URL.createObjectURL(await response.blob());
      link.download = filename;
      link.click();
      URL.revokeObjectURL(link.href);
      setState("idle");
    } catch {
      setState("failed");
    }
  };
  return (
    <Button onClick={download} loading={state === "loading"} tone={state === "failed" ? "critical" : undefined}>
      {state === "failed" ? `${children}: failed, try again` : children}
    </Button>
  );
}

import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "Stance Atlas — who condemned, supported or defended whom",
  description:
    "Explore who condemned, supported or defended whom across four escalations involving Russia and Iran, with every mark traced to the sentence of the report it came from.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/** The document shell: system fonts only, nothing fetched at build or run time. */
export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}

import Link from "next/link";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { UserMenu } from "@/components/auth/user-menu";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "UPR recommendation tracker", template: "%s · UPR recommendation tracker" },
  description: "UN Universal Periodic Review recommendations, the responses of the State under review, and their implementation.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            UPR recommendation tracker
          </Link>
          <nav aria-label="Main" className="site-nav">
            <Link href="/">Reviews</Link>
            <Link href="/recommendations">Recommendations</Link>
            <Link href="/states">States</Link>
            <Link href="/compare">Compare</Link>
          </nav>
          <UserMenu />
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          Recommendation texts are reproduced exactly as published by OHCHR and UPR Info. Sources are named on every review.
        </footer>
      </body>
    </html>
  );
}

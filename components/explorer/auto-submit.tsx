"use client";

import { useEffect, useRef } from "react";

/**
 * Applies a filter as soon as a checkbox, radio button or select changes. Without JavaScript the form's own
 * "Apply filters" button does the same, so the explorer works either way.
 */
export function AutoSubmit() {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = marker.current?.closest("form");
    if (!form) return;
    const onChange = (event: Event) => {
      const target = event.target as HTMLInputElement | HTMLSelectElement;
      if (target.type === "checkbox" || target.type === "radio" || target.tagName === "SELECT") form.requestSubmit();
    };
    form.addEventListener("change", onChange);
    form.classList.add("auto-submit");
    return () => form.removeEventListener("change", onChange);
  }, []);
  return <span ref={marker} hidden />;
}

"use client";
import { useEffect, useRef } from "react";

/** A ref that always holds the latest value: for handlers registered once (a canvas library's) that must see current props. */
export function useLatest<T>(value: T) {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  }, [value]);
  return ref;
}

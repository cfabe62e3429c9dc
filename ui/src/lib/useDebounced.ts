import { useCallback, useEffect, useState } from "react";

/**
 * `value`, once it has stopped changing for `delayMs`, and `flush` to take the current value at
 * once (e.g. when the user presses Save before the delay is over).
 */
export function useDebouncedValue<T>(value: T, delayMs: number): [T, () => void] {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(id);
  }, [value, delayMs]);
  const flush = useCallback(() => setDebounced(value), [value]);
  return [debounced, flush];
}

/** `value`, once it has stopped changing for `delayMs`. */
export function useDebounced<T>(value: T, delayMs: number): T {
  return useDebouncedValue(value, delayMs)[0];
}

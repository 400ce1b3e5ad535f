import type { HTMLAttributes } from 'preact';

/** Crossread's own mark element, rendered as a sample in the options page. */
declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'crossread-mark': HTMLAttributes<HTMLElement>;
    }
  }
}

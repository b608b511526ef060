import type { ComponentProps } from 'react';
import { Link } from 'react-router';

/** An in-app link styled as a link (router `Link`, no full page load). */
export function TextLink({ className = '', ...props }: ComponentProps<typeof Link>) {
  return (
    <Link
      className={`font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-300 ${className}`}
      {...props}
    />
  );
}

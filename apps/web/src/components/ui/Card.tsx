import type { ReactNode } from 'react';

interface CardProps {
  title?: ReactNode;
  children: ReactNode;
  className?: string;
  /** Heading level of the title; cards sit under the page's h1, so h2 by default. */
  headingLevel?: 2 | 3;
}

export function Card({ title, children, className = '', headingLevel = 2 }: CardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section
      className={`rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900 ${className}`}
    >
      {title && <Heading className="mb-3 text-lg font-semibold">{title}</Heading>}
      {children}
    </section>
  );
}

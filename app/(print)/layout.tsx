/** Print pages: no sidebar or app chrome, only the document and a toolbar that hides itself in print. */
export default function PrintLayout({ children }: { children: React.ReactNode }) {
  return <div className="print-root">{children}</div>;
}

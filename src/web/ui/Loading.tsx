export function Loading({ label = "Chargement…" }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner spinner--lg" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

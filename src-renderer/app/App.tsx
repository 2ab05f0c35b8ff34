export function App() {
  return (
    <main>
      <h1>Waymark</h1>
    </main>
  );
}

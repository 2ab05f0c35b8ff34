/**
 * Every form in the renderer goes through react-hook-form (issue 10), so its errors behave the
 * same everywhere: beside the field, in the focused summary, nothing sent. Read from the source:
 * a file that renders `<form` must call react-hook-form's useForm (or a form-support helper that
 * wraps it) once for each form it renders, and submit through handleSubmit. A hand-rolled form
 * (useState and onSubmit={send}) fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const RENDERER = join(ROOT, 'src-renderer');
const FORM_SUPPORT = join(RENDERER, 'components/form-support.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : /\.tsx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

/** Code without its comments, so a comment that mentions `<form` or useForm counts for nothing. */
const withoutComments = (source: string) =>
  source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

const count = (source: string, re: RegExp) => source.match(re)?.length ?? 0;

/** form-support's exported hooks that call useForm themselves (none today; allowed if added). */
function formSupportWrappers(): string[] {
  const source = withoutComments(readFileSync(FORM_SUPPORT, 'utf8'));
  return [...source.matchAll(/export function (use\w+)[^{]*\{([\s\S]*?)\n\}/g)]
    .filter(([, , body]) => /\buseForm\s*[<(]/.test(body!))
    .map(([, name]) => name!);
}

/** What is wrong with one file's forms, in words; empty when every form is a react-hook-form. */
function handRolledForms(source: string, wrappers: readonly string[]): string[] {
  const code = withoutComments(source);
  const forms = count(code, /<form\b/g);
  if (forms === 0) return [];
  const fromLibrary = /import\s*\{[^}]*\buseForm\b[^}]*\}\s*from\s*'react-hook-form'/.test(code);
  const wrapperCalls = wrappers.reduce(
    (n, name) => n + count(code, new RegExp(`\\b${name}\\s*[<(]`, 'g')),
    0,
  );
  const hookCalls = (fromLibrary ? count(code, /\buseForm\s*[<(]/g) : 0) + wrapperCalls;
  const problems: string[] = [];
  if (hookCalls === 0)
    problems.push('renders a <form> without react-hook-form (useForm or a form-support wrapper)');
  else if (hookCalls < forms)
    problems.push(`renders ${forms} <form> elements but calls useForm only ${hookCalls} times`);
  if (!/\bhandleSubmit\b/.test(code)) problems.push('submits without handleSubmit');
  return problems;
}

const files = sourceFiles(RENDERER);
const wrappers = formSupportWrappers();

describe('every renderer form is a react-hook-form', () => {
  it('finds the renderer’s forms', () => {
    const withForms = files.filter((f) => /<form\b/.test(readFileSync(f, 'utf8')));
    expect(withForms.length).toBeGreaterThan(30);
  });

  it('has no hand-rolled form', () => {
    const found = files.flatMap((f) =>
      handRolledForms(readFileSync(f, 'utf8'), wrappers).map(
        (problem) => `${relative(ROOT, f)}: ${problem}`,
      ),
    );
    expect(found).toEqual([]);
  });

  it('catches a hand-rolled form, and a second form hand-rolled beside a react-hook-form one', () => {
    const handRolled = `
      import { useState, type FormEvent } from 'react';
      export function F() {
        const [name, setName] = useState('');
        const send = (e: FormEvent) => { e.preventDefault(); };
        return <form onSubmit={send}><input value={name} onChange={(e) => setName(e.target.value)} /></form>;
      }`;
    expect(handRolledForms(handRolled, wrappers)).toEqual([
      'renders a <form> without react-hook-form (useForm or a form-support wrapper)',
      'submits without handleSubmit',
    ]);
    const oneOfTwo = `
      import { useForm } from 'react-hook-form';
      // useForm( in a comment does not count
      export function F() {
        const { handleSubmit } = useForm();
        return <><form onSubmit={handleSubmit(() => {})} /><form onSubmit={send} /></>;
      }`;
    expect(handRolledForms(oneOfTwo, wrappers)).toEqual([
      'renders 2 <form> elements but calls useForm only 1 times',
    ]);
    const wrapped = `
      import { useSchemaForm } from '../../components/form-support';
      export function F() {
        const { handleSubmit } = useSchemaForm();
        return <form onSubmit={handleSubmit(() => {})} />;
      }`;
    expect(handRolledForms(wrapped, ['useSchemaForm'])).toEqual([]);
    expect(handRolledForms(wrapped, [])).toHaveLength(1);
  });
});

import { Extension } from "@tiptap/core";
import Link from "@tiptap/extension-link";
import { type Editor, EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { type ReactNode, useId, useRef, useState } from "react";
import { Button as AriaButton, Group, ToggleButton, Toolbar } from "react-aria-components";
import { isSafeHref, type MinutesDoc } from "../../../contracts/meetings-minutes";
import { Button } from "../../ui/Button";
import { ModalDialog } from "../../ui/Dialog";
import { TextField } from "../../ui/TextField";

// The minutes editor (TipTap): what a compte rendu needs and nothing else — titles (stored as levels 2 to 4), bulleted
// and numbered lists, bold, italic, links — so that what is typed or pasted is what the server accepts. A toolbar
// (one Tab stop, arrows between buttons, each with its name, state and shortcut) and the usual keyboard shortcuts.

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? "Cmd" : "Ctrl";
const ariaMod = isMac ? "Meta" : "Control";

/** Ctrl+K opens the link dialog; Échap leaves the text (Tab indents within lists, so it cannot). */
const Shortcuts = Extension.create<{ link: () => void; leave: () => void }>({
  name: "minutesShortcuts",
  addOptions: () => ({ link: () => {}, leave: () => {} }),
  addKeyboardShortcuts() {
    return {
      "Mod-k": () => {
        this.options.link();
        return true;
      },
      Escape: () => {
        this.options.leave();
        return true;
      },
    };
  },
});

export interface MinutesEditorProps {
  initial: MinutesDoc | null;
  /** The id of the visible label of the editable region. */
  labelledBy: string;
  onChange: (doc: MinutesDoc) => void;
  /** Échap in the text: where the focus goes (the save button). */
  onLeave: () => void;
}

export function MinutesEditor({ initial, labelledBy, onChange, onLeave }: MinutesEditorProps) {
  const helpId = useId();
  const [linkOpen, setLinkOpen] = useState(false);
  const callbacks = useRef({ link: () => setLinkOpen(true), leave: onLeave });
  callbacks.current.leave = onLeave;
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        blockquote: false,
        code: false,
        codeBlock: false,
        horizontalRule: false,
        strike: false,
        underline: false,
        link: false,
      }),
      Link.configure({
        openOnClick: false,
        autolink: true,
        defaultProtocol: "https",
        protocols: ["mailto"],
        isAllowedUri: (url) => isSafeHref(url),
      }),
      Shortcuts.configure({ link: () => callbacks.current.link(), leave: () => callbacks.current.leave() }),
    ],
    content: initial ?? { type: "doc", content: [{ type: "paragraph" }] },
    immediatelyRender: true,
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelledBy,
        "aria-describedby": helpId,
        class: "minutes-editor__content",
        spellcheck: "true",
        lang: "fr",
      },
    },
    onUpdate: ({ editor: e }) => onChange(e.getJSON() as MinutesDoc),
  });

  return (
    <div className="minutes-editor">
      <FormatToolbar editor={editor} onLink={() => setLinkOpen(true)} />
      <EditorContent editor={editor} />
      <details className="minutes-editor__help" id={helpId}>
        <summary>Raccourcis clavier</summary>
        <ul>
          <li>
            {mod}+B : gras ; {mod}+I : italique ; {mod}+K : lien
          </li>
          <li>
            {mod}+Alt+2, 3 ou 4 : titre, sous-titre, petit titre ; {mod}+Alt+0 : texte normal
          </li>
          <li>
            {mod}+Maj+8 : liste à puces ; {mod}+Maj+7 : liste numérotée ; Tab et Maj+Tab dans une liste :
            décaler l'élément
          </li>
          <li>
            {mod}+Z : annuler ; {mod}+Maj+Z : rétablir ; Échap : quitter le texte (vers « Enregistrer »).
          </li>
          <li>
            La barre d'outils est juste avant le texte : Maj+Tab depuis le texte pour l'atteindre, puis les
            flèches pour passer d'un bouton à l'autre.
          </li>
        </ul>
      </details>
      <LinkDialog editor={editor} isOpen={linkOpen} onOpenChange={setLinkOpen} />
    </div>
  );
}

function FormatToolbar({ editor, onLink }: { editor: Editor; onLink: () => void }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      h4: e.isActive("heading", { level: 4 }),
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      link: e.isActive("link"),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const run = (f: (chain: ReturnType<Editor["chain"]>) => ReturnType<Editor["chain"]>) =>
    f(editor.chain().focus()).run();
  return (
    <Toolbar className="minutes-toolbar" aria-label="Mise en forme du compte rendu">
      <Group className="minutes-toolbar__group" aria-label="Titres">
        <Toggle
          label="Titre"
          shortcut={[`${mod}+Alt+2`, `${ariaMod}+Alt+2`]}
          isSelected={state.h2}
          onChange={() => run((c) => c.toggleHeading({ level: 2 }))}
        >
          T1
        </Toggle>
        <Toggle
          label="Sous-titre"
          shortcut={[`${mod}+Alt+3`, `${ariaMod}+Alt+3`]}
          isSelected={state.h3}
          onChange={() => run((c) => c.toggleHeading({ level: 3 }))}
        >
          T2
        </Toggle>
        <Toggle
          label="Petit titre"
          shortcut={[`${mod}+Alt+4`, `${ariaMod}+Alt+4`]}
          isSelected={state.h4}
          onChange={() => run((c) => c.toggleHeading({ level: 4 }))}
        >
          T3
        </Toggle>
      </Group>
      <Group className="minutes-toolbar__group" aria-label="Texte">
        <Toggle
          label="Gras"
          shortcut={[`${mod}+B`, `${ariaMod}+B`]}
          isSelected={state.bold}
          onChange={() => run((c) => c.toggleBold())}
        >
          <strong>G</strong>
        </Toggle>
        <Toggle
          label="Italique"
          shortcut={[`${mod}+I`, `${ariaMod}+I`]}
          isSelected={state.italic}
          onChange={() => run((c) => c.toggleItalic())}
        >
          <em>I</em>
        </Toggle>
        <Toggle
          label="Lien"
          shortcut={[`${mod}+K`, `${ariaMod}+K`]}
          isSelected={state.link}
          onChange={onLink}
        >
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
            <path
              d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"
              fill="none"
              stroke="currentColor"
              strokeWidth="2.2"
              strokeLinecap="round"
            />
          </svg>
        </Toggle>
      </Group>
      <Group className="minutes-toolbar__group" aria-label="Listes">
        <Toggle
          label="Liste à puces"
          shortcut={[`${mod}+Maj+8`, `${ariaMod}+Shift+8`]}
          isSelected={state.bullet}
          onChange={() => run((c) => c.toggleBulletList())}
        >
          •
        </Toggle>
        <Toggle
          label="Liste numérotée"
          shortcut={[`${mod}+Maj+7`, `${ariaMod}+Shift+7`]}
          isSelected={state.ordered}
          onChange={() => run((c) => c.toggleOrderedList())}
        >
          1.
        </Toggle>
      </Group>
      <Group className="minutes-toolbar__group" aria-label="Historique">
        <AriaButton
          className="minutes-toolbar__button"
          aria-label={`Annuler (${mod}+Z)`}
          aria-keyshortcuts={`${ariaMod}+Z`}
          isDisabled={!state.canUndo}
          onPress={() => run((c) => c.undo())}
        >
          <span aria-hidden="true">↶</span>
        </AriaButton>
        <AriaButton
          className="minutes-toolbar__button"
          aria-label={`Rétablir (${mod}+Maj+Z)`}
          aria-keyshortcuts={`${ariaMod}+Shift+Z`}
          isDisabled={!state.canRedo}
          onPress={() => run((c) => c.redo())}
        >
          <span aria-hidden="true">↷</span>
        </AriaButton>
      </Group>
    </Toolbar>
  );
}

/** A toolbar toggle: its name says what it does and its shortcut; aria-pressed says whether it applies here. */
function Toggle({
  label,
  shortcut: [shown, aria],
  isSelected,
  onChange,
  children,
}: {
  label: string;
  shortcut: [string, string];
  isSelected: boolean;
  onChange: () => void;
  children: ReactNode;
}) {
  return (
    <ToggleButton
      className="minutes-toolbar__button"
      aria-label={`${label} (${shown})`}
      aria-keyshortcuts={aria}
      isSelected={isSelected}
      onChange={onChange}
    >
      <span aria-hidden="true">{children}</span>
    </ToggleButton>
  );
}

/** Adds, changes or removes the link on the selection (http, https or mailto addresses only). */
function LinkDialog({
  editor,
  isOpen,
  onOpenChange,
}: {
  editor: Editor;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const current = (editor.getAttributes("link").href as string | undefined) ?? "";
  const [href, setHref] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState(false);
  if (isOpen && !opened) {
    setOpened(true);
    setHref(current);
    setError(null);
  }
  if (!isOpen && opened) setOpened(false);

  const close = () => {
    onOpenChange(false);
    editor.commands.focus();
  };
  const apply = () => {
    let value = href.trim();
    if (/^[^\s@:/]+@[^\s@]+\.[^\s@]+$/.test(value)) value = `mailto:${value}`;
    else if (value && !/^[a-z]+:/i.test(value)) value = `https://${value}`;
    if (!isSafeHref(value)) {
      setError("Indiquez une adresse web (https://…) ou une adresse e-mail.");
      return;
    }
    const chain = editor.chain().focus().extendMarkRange("link");
    if (editor.state.selection.empty && !editor.isActive("link"))
      chain
        .insertContent({ type: "text", text: value, marks: [{ type: "link", attrs: { href: value } }] })
        .run();
    else chain.setLink({ href: value }).run();
    onOpenChange(false);
  };
  const remove = () => {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    onOpenChange(false);
  };

  return (
    <ModalDialog
      title={current ? "Modifier le lien" : "Ajouter un lien"}
      isOpen={isOpen}
      onOpenChange={(open) => (open ? onOpenChange(true) : close())}
    >
      {() => (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            apply();
          }}
        >
          <TextField
            label="Adresse du lien"
            description="Une adresse web (https://…) ou une adresse e-mail. Sans texte sélectionné, l'adresse est insérée telle quelle."
            value={href}
            onChange={(v) => {
              setHref(v);
              setError(null);
            }}
            isInvalid={error !== null}
            validationBehavior="aria"
            autoFocus
          />
          {error ? (
            <p className="field__error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="form__actions">
            <Button type="submit" variant="primary">
              {current ? "Modifier le lien" : "Ajouter le lien"}
            </Button>
            {current ? (
              <Button variant="danger" onPress={remove}>
                Retirer le lien
              </Button>
            ) : null}
            <Button variant="quiet" onPress={close}>
              Annuler
            </Button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}

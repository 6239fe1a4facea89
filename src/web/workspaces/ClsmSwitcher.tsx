import { useMatch } from "react-router";
import type { Me } from "../../contracts/accounts";
import { MenuButton, MenuGroup, MenuItem } from "../ui/Menu";
import { useClsm } from "./api";

/** The CLSM being looked at, and a menu to go to another of one's CLSMs. */
export function ClsmSwitcher({ me }: { me: Me }) {
  const match = useMatch("/clsm/:clsmId/*");
  const currentId = match?.params.clsmId;
  const membership = me.memberships.find((m) => m.clsmId === currentId);
  // A CLSM opened from "Tous les CLSM": its name comes from the page's own query (shared cache).
  const visited = useClsm(currentId ?? "", { enabled: Boolean(currentId) && !membership });
  const currentName = membership?.clsmName ?? (currentId ? visited.data?.name : undefined);

  if (me.memberships.length === 0 && !me.can.browseClsms) return null;
  if (me.memberships.length === 0 && !currentName) return null;

  return (
    <div className="clsm-switcher">
      <MenuButton
        className="clsm-switcher__button"
        aria-label={currentName ? `CLSM affiché : ${currentName}. Changer de CLSM` : "Choisir un CLSM"}
        label={
          <span className="clsm-switcher__text">
            <span className="clsm-switcher__kicker" aria-hidden="true">
              CLSM
            </span>
            <span className="clsm-switcher__name">{currentName ?? "Choisir un CLSM"}</span>
          </span>
        }
      >
        {me.memberships.length > 0 ? (
          <MenuGroup title="Mes CLSM">
            {me.memberships.map((m) => (
              <MenuItem key={m.clsmId} id={m.clsmId} href={`/clsm/${m.clsmId}`} textValue={m.clsmName}>
                <span className="menu__check" aria-hidden="true">
                  {m.clsmId === currentId ? "✓" : ""}
                </span>
                {m.clsmName}
                {m.clsmId === currentId ? <span className="visually-hidden"> (affiché)</span> : null}
              </MenuItem>
            ))}
          </MenuGroup>
        ) : null}
        {me.can.browseClsms ? (
          <MenuGroup title="Autres CLSM">
            <MenuItem id="all" href="/clsm">
              Tous les CLSM…
            </MenuItem>
          </MenuGroup>
        ) : null}
      </MenuButton>
    </div>
  );
}

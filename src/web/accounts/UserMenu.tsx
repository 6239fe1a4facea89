import { useNavigate } from "react-router";
import type { Me } from "../../contracts/accounts";
import { MenuButton, MenuGroup, MenuItem } from "../ui/Menu";
import { useSignOut } from "./api";
import { platformRoleShort } from "./labels";

function initials(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join("");
}

export function UserMenu({ me }: { me: Me }) {
  const signOut = useSignOut();
  const navigate = useNavigate();
  const role = me.platformRole ? ` (${platformRoleShort[me.platformRole]})` : "";
  return (
    <div className="user-menu">
      <MenuButton
        placement="bottom end"
        aria-label={`Mon compte : ${me.name}${role}`}
        className="user-menu__button"
        label={
          <>
            <span className="avatar" aria-hidden="true">
              {initials(me.name)}
            </span>
            <span className="user-menu__name">{me.name}</span>
          </>
        }
        onAction={(key) => {
          if (key === "sign-out") {
            signOut.mutate(undefined, {
              onSettled: () => navigate("/connexion?deconnecte=1", { replace: true }),
            });
          }
        }}
      >
        <MenuGroup title={`${me.email}${role}`}>
          <MenuItem id="sign-out">Se déconnecter</MenuItem>
        </MenuGroup>
      </MenuButton>
    </div>
  );
}

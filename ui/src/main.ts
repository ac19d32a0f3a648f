import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";

async function start() {
  // A build made with `--mode mock` answers the shell's commands from memory (visual checks).
  if (import.meta.env.MODE === "mock") {
    const { installMock } = await import("./mock/install");
    installMock();
  }
  mount(App, { target: document.getElementById("app")! });
  // The static first frame of index.html: the app's own loading screen has replaced it.
  document.getElementById("boot")?.remove();
}

void start();

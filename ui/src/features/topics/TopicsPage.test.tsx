import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { api } from "../../backend";
import { BackendError } from "../../errors";
import { renderWithProviders } from "../../test/render";
import { TopicsPage } from "./TopicsPage";

vi.mock("../../backend");

describe("TopicsPage", () => {
  it("lists name and ARN of each topic", async () => {
    vi.mocked(api.listTopics).mockResolvedValue([
      { name: "uploads", arn: "arn:aws:sns:default::uploads" },
      { name: "删除", arn: "arn:aws:sns:default::删除" },
    ]);
    renderWithProviders(<TopicsPage profileId="p1" />);
    const table = await screen.findByTestId("topics-list");
    expect(table.querySelectorAll("tbody tr")).toHaveLength(2);
    expect(screen.getByTestId("topic-uploads").textContent).toBe("uploadsarn:aws:sns:default::uploads");
    expect(api.listTopics).toHaveBeenCalledWith("p1");
  });

  it("says when there is none", async () => {
    vi.mocked(api.listTopics).mockResolvedValue([]);
    renderWithProviders(<TopicsPage profileId="p1" />, "zh-CN");
    expect((await screen.findByTestId("topics-empty")).textContent).toBe("该账户下没有主题。");
    expect(screen.queryByTestId("topics-list")).toBeNull();
  });

  it("shows why they could not be listed", async () => {
    vi.mocked(api.listTopics).mockRejectedValue(new BackendError({ code: "AccessDenied", status: 403, requestId: "tx-t", detail: "no" }));
    renderWithProviders(<TopicsPage profileId="p1" />);
    expect((await screen.findByTestId("error-code")).textContent).toBe("AccessDenied");
  });
});

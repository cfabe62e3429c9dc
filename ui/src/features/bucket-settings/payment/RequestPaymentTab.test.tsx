import { fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api, type RequestPayment } from "../../../backend";
import { BackendError } from "../../../errors";
import { renderWithProviders } from "../../../test/render";
import { RequestPaymentTab } from "./RequestPaymentTab";

vi.mock("../../../backend");

function server(initial: RequestPayment) {
  let state = initial;
  vi.mocked(api.getBucketRequestPayment).mockImplementation(async () => state);
  vi.mocked(api.putBucketRequestPayment).mockImplementation(async (_p, _b, value) => {
    state = value;
    return null;
  });
}

const radio = (payer: string) => screen.getByTestId(`payment-${payer}`) as HTMLInputElement;

describe("RequestPaymentTab", () => {
  beforeEach(() => server({ Payer: "BucketOwner" }));

  it("shows who pays, explaining what requester pays means", async () => {
    renderWithProviders(<RequestPaymentTab profileId="p1" bucket="b1" />);
    await screen.findByTestId("payment-BucketOwner");
    expect(radio("BucketOwner").checked).toBe(true);
    expect(radio("Requester").checked).toBe(false);
    const text = screen.getByTestId("settings-requestPayment").textContent;
    expect(text).toContain("Anonymous requests are refused");
    expect(text).toContain("x-amz-request-payer");
    // Nothing to save until the choice differs from the server's.
    expect((screen.getByTestId("payment-save") as HTMLButtonElement).disabled).toBe(true);
  });

  it("saves the requester as payer and shows what the server reads back", async () => {
    renderWithProviders(<RequestPaymentTab profileId="p1" bucket="b1" />);
    fireEvent.click(await screen.findByTestId("payment-Requester"));
    fireEvent.click(screen.getByTestId("payment-save"));
    await screen.findByTestId("payment-saved");
    expect(api.putBucketRequestPayment).toHaveBeenCalledWith("p1", "b1", { Payer: "Requester" });
    expect(api.getBucketRequestPayment).toHaveBeenCalledTimes(2);
    expect(radio("Requester").checked).toBe(true);
    expect(screen.getByTestId("payment-current").textContent).toBe("Now on the server: The requester pays");
  });

  it("shows why the server refused", async () => {
    vi.mocked(api.putBucketRequestPayment).mockRejectedValue(
      new BackendError({ code: "AccessDenied", status: 403, requestId: "tx-p1", detail: "Access Denied" }),
    );
    renderWithProviders(<RequestPaymentTab profileId="p1" bucket="b1" />);
    fireEvent.click(await screen.findByTestId("payment-Requester"));
    fireEvent.click(screen.getByTestId("payment-save"));
    expect((await screen.findByTestId("error-code")).textContent).toBe("AccessDenied");
    await waitFor(() => expect(screen.queryByTestId("payment-saved")).toBeNull());
  });

  it("speaks Chinese", async () => {
    server({ Payer: "Requester" });
    renderWithProviders(<RequestPaymentTab profileId="p1" bucket="b1" />, "zh-CN");
    await screen.findByTestId("payment-Requester");
    expect(radio("Requester").checked).toBe(true);
    expect(screen.getByTestId("payment-current").textContent).toBe("服务器当前设置：请求者付费");
  });
});

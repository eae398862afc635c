dofile("report.lua")
-- Authorization-code redemptions of codes minted beforehand (prefix .. n for n = first, first + 1, ...), each once.
-- args: "Basic ..." prefix first redirect_uri code_verifier
function init(args)
  auth, prefix, n, redirect, verifier = args[1], args[2], tonumber(args[3]), args[4], args[5]
end
function request()
  n = n + 1
  return wrk.format("POST", "/o/token/", {["Content-Type"] = "application/x-www-form-urlencoded",
    ["Authorization"] = auth}, "grant_type=authorization_code&code=" .. prefix .. n
    .. "&redirect_uri=" .. redirect .. "&code_verifier=" .. verifier)
end

@echo off
rem jpackage 17 builds an .msi with WiX Toolset 3: candle.exe and light.exe must be on PATH.
where candle.exe >nul 2>nul || (echo WiX is missing: install WiX Toolset 3.14 and put its bin folder on PATH 1>&2 & exit /b 1)
where light.exe >nul 2>nul || (echo WiX is missing: install WiX Toolset 3.14 and put its bin folder on PATH 1>&2 & exit /b 1)
echo [packaging] tools for .msi found

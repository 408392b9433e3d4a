@echo off
rem Fast launcher for the runnable jar (build it once with: mvn -q package -DskipTests).
setlocal
set "HERE=%~dp0.."
set "JAR=%HERE%\target\budgetpdf.jar"
set "CDS=%HERE%\target\budgetpdf.jsa"
if not exist "%JAR%" (
  echo 找不到 %JAR%：先运行 mvn -q package -DskipTests 1>&2
  exit /b 2
)
if exist "%CDS%" (
  set "SHARE=-XX:SharedArchiveFile=%CDS% -Xshare:auto"
) else (
  set "SHARE=-XX:ArchiveClassesAtExit=%CDS%"
)
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms8m -Xss4m %SHARE% -Xlog:cds=off -Xlog:cds+dynamic=off -jar "%JAR%" %*
exit /b %ERRORLEVEL%

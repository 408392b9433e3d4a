@echo off
rem Fast launcher for the runnable jar on Windows (build it once with: mvn -q package -DskipTests;
rem the release zip has it beside bin\). Same JVM options and start-up cache as bin/budgetpdf.
rem
rem This file is plain ASCII on purpose: cmd reads a batch file in the console's code page (936 on a
rem Chinese Windows, 65001 in a UTF-8 Windows Terminal), so Chinese text here would print as garbage in
rem one of them. Every Chinese message comes from Java, which prints in the console's own code page.
rem
rem Start-up cache beside the jar: on Java 25 and later an AOT cache, on Java 21-24 an AppCDS archive.
rem Its name holds the JDK's exact build and the jar's size and time, and it is used only while it is
rem newer than the jar (dir /o:d lists the oldest first: the last of the two listed is the newer), so a
rem rebuilt or replaced jar, or another JDK, never runs with an old cache (JDK 25.0.3 and older do not
rem check the jar themselves, JDK-8377932). The first successful build run of a jar records it under a
rem temporary name, moved into place when complete; a cache that cannot be made only means a slower start.
rem Paths are kept in quotes: the folder may be "C:\Program Files (x86)\...".
setlocal
set "HERE=%~dp0.."
set "JARDIR=%HERE%\target"
if not exist "%JARDIR%\budgetpdf.jar" set "JARDIR=%HERE%"
if exist "%JARDIR%\budgetpdf.jar" goto found
echo budgetpdf: target\budgetpdf.jar not found. Build it first: mvn -q package -DskipTests 1>&2
exit /b 2
:found
set "JAR=%JARDIR%\budgetpdf.jar"
set "OPTS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms8m -Xss4m"
set "SELF=-Dbudgetpdf.launcher=bin\budgetpdf.cmd"
rem Java: JAVA_HOME, else the java.exe on PATH; the release file of its folder names its version.
set "JAVA=java"
set "JHOME="
if not defined JAVA_HOME goto onpath
if not exist "%JAVA_HOME%\bin\java.exe" goto onpath
set "JAVA=%JAVA_HOME%\bin\java.exe"
set "JHOME=%JAVA_HOME%"
goto version
:onpath
set "JEXE="
for %%X in (java.exe) do set "JEXE=%%~$PATH:X"
if not defined JEXE goto version
for %%D in ("%JEXE%\..\..") do set "JHOME=%%~fD"
:version
set "JVER="
set "JBUILD="
if not defined JHOME goto plain
if not exist "%JHOME%\release" goto plain
for /f "usebackq tokens=1,* delims==" %%A in ("%JHOME%\release") do (
  if "%%A"=="JAVA_VERSION" set "JVER=%%~B"
  if "%%A"=="JAVA_RUNTIME_VERSION" set "JBUILD=%%~B"
)
set "JFEAT="
for /f "tokens=1 delims=." %%V in ("%JVER%") do set "JFEAT=%%V"
if not defined JFEAT goto plain
for /f "delims=0123456789" %%Z in ("%JFEAT%") do goto plain
if %JFEAT% LSS 21 goto plain
if not defined JBUILD set "JBUILD=%JVER%"
set "KIND=jsa"
set "LOGS=-Xlog:cds=off -Xlog:cds+dynamic=off"
if %JFEAT% GEQ 25 set "KIND=aot"
if %JFEAT% GEQ 25 set "LOGS=-Xlog:cds=off -Xlog:aot=off"
rem The cache's name: the JDK's runtime version and the jar's size and time (as dir shows it).
set "STAMP="
for %%J in ("%JAR%") do set "STAMP=%%~zJ-%%~tJ"
set "STAMP=%STAMP:/=%"
set "STAMP=%STAMP::=%"
set "STAMP=%STAMP: =%"
set "STAMP=%STAMP:\=%"
set "CACHENAME=budgetpdf-%JBUILD%-%STAMP%.%KIND%"
set "CACHE=%JARDIR%\%CACHENAME%"
set "NEWEST="
if exist "%CACHE%" for /f "delims=" %%F in ('dir /b /a:-d /o:d "%JARDIR%\budgetpdf*"') do (
  if /i "%%F"=="budgetpdf.jar" set "NEWEST=jar"
  if /i "%%F"=="%CACHENAME%" set "NEWEST=cache"
)
if not "%NEWEST%"=="cache" goto record
if "%KIND%"=="jsa" goto usejsa
"%JAVA%" %OPTS% "-XX:AOTCache=%CACHE%" %LOGS% %SELF% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
:usejsa
"%JAVA%" %OPTS% "-XX:SharedArchiveFile=%CACHE%" -Xshare:auto %LOGS% %SELF% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
:record
rem No cache for this JDK and jar yet. Only a build run is recorded (one of --help or check would hold only
rem a part of the classes a build needs); other runs go without.
set "FIRST=%~1"
if "%FIRST%"=="" set "FIRST=build"
for %%C in (check new next-year help --help -h --version -V) do if "%FIRST%"=="%%C" goto nocache
set "PART=%CACHE%.%RANDOM%%RANDOM%.part"
set "CONF=%PART%.conf"
rem -DisplayVMOutput: the JVM prints a line of its own when it has recorded; the clerk's console stays clean.
set "QUIET=-XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput"
if "%KIND%"=="jsa" goto recordjsa
"%JAVA%" %OPTS% -XX:AOTMode=record "-XX:AOTConfiguration=%CONF%" %LOGS% %QUIET% %SELF% -jar "%JAR%" %*
goto recorded
:recordjsa
"%JAVA%" %OPTS% "-XX:ArchiveClassesAtExit=%PART%" %LOGS% %QUIET% %SELF% -jar "%JAR%" %*
:recorded
set "STATUS=%ERRORLEVEL%"
if not "%STATUS%"=="0" goto cleanup
rem The cache is made from the recorded configuration by a JVM of its own, quietly; its failure is only a slower start.
if "%KIND%"=="aot" if exist "%CONF%" "%JAVA%" %OPTS% -XX:AOTMode=create "-XX:AOTConfiguration=%CONF%" "-XX:AOTCache=%PART%" %LOGS% -cp "%JAR%" >nul 2>&1
if not exist "%PART%" goto cleanup
move /y "%PART%" "%CACHE%" >nul 2>&1 || goto cleanup
for %%F in ("%JARDIR%\budgetpdf*.%KIND%") do if /i not "%%~nxF"=="%CACHENAME%" del "%%F" >nul 2>&1
:cleanup
if exist "%PART%" del "%PART%" >nul 2>&1
if exist "%CONF%" del "%CONF%" >nul 2>&1
exit /b %STATUS%
:nocache
"%JAVA%" %OPTS% %LOGS% %SELF% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
:plain
rem A java of unknown or old version: as plain as it gets (the jar's starter says when Java is too old).
"%JAVA%" %OPTS% %SELF% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
